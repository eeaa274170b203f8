"""Pretrained parameters (data only), installed as the ``dlfs.pretrained`` package.

Load them with :func:`dlfs.weights.load_weights`; see ``README.md`` here.
"""

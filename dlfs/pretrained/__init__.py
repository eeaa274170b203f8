"""Pretrained parameters (data only), the package ``dlfs.pretrained`` in ``dlfs/``.

Being inside ``dlfs/``, the files are found the same way from a clone on
``PYTHONPATH``, an editable install and a wheel.  Load them with
:func:`dlfs.weights.load_weights`; see ``README.md`` here.
"""

"""Benchmarks for the book's two lessons about speed: ``python -m benchmarks``.

* Batching (chapter 3): inference on the 10,000 MNIST test images one sample
  at a time, in batches of 100, and as one batch, against the time the matrix
  products alone need.
* Backpropagation (chapter 5): one gradient by numerical differentiation
  against the same gradient by backpropagation, and training iterations of
  dlfs's ``TwoLayerNet`` against a plain re-implementation of the book's
  original algorithm (:mod:`benchmarks.book_baseline`), PyTorch's CPU eager
  mode (:mod:`benchmarks.torch_baseline`, when torch is installed) and the
  matrix products alone (:mod:`benchmarks.gemm`).

Every comparison is a ratio of medians measured in one run, with the
implementations interleaved block by block so that they share the machine's
noise.  ``python -m benchmarks --book`` rewrites ``docs/data/benchmarks.json``; the
Performance page's tables read it at build time and ``python -m book``
redraws its figures.

This package is not part of the library and not collected by pytest; its
``--smoke`` mode is (``tests/benchmarks/test_benchmarks.py``).  Nothing here imports
NumPy at import time, so ``__main__`` can set the BLAS thread count first.
"""

#: Environment variables that fix the BLAS and OpenMP thread counts.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

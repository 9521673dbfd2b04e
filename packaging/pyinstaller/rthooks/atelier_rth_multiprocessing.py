"""Nothing: PyInstaller's own pyi_rth_multiprocessing imports multiprocessing and subprocess
(~20 ms) at every start, to replace multiprocessing.freeze_support() for programs that call
it before starting worker processes. Atelier starts no process (its background work runs in
threads) and never calls freeze_support(): here, that hook had nothing to do but the imports.
"""

"""Encrypted, verified local backups (see shared/backup.md).

Plain Python: the GUI, the CLI and the OS timer all call the same jobs.
The file is an age file (through pyrage) behind a short plaintext header of
ours; inside it, our header, the manifest JSON and the SQLite image.
"""

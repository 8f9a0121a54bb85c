"""The files `kbgen new` copies into a new project (see kbgen/new.py), kept as files so they read
as the owner will find them."""

"""Import and export of existing data (clienten, beschikkingen, toewijzingen, declaraties) as CSV or XLSX.

`bestanden` reads files into plain rows without Django; `rijen` turns rows into dataclasses;
`service` checks each row with the same services as live input and writes per file in one transaction;
`export` writes the same files back.
"""

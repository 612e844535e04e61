"""Data files on disk: finding, reading, locating lines in, editing, writing and transacting.

`paths` picks the file, `loader` reads and parses it, `locate` maps key paths to lines,
`comments` finds TOML comments, `record` edits a dataset, `writer` renders canonical text,
`atomic` locks and replaces the file safely, `store` runs a locked read-modify-write. May import
`model` and `errors`; the meaning checks a write needs are passed in by the caller
(`store.Checks`), so reading never depends on `analysis`.
"""

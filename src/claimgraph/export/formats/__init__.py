"""The built-in export formats, one module each; each registers itself with
`claimgraph.export.export_format` when `claimgraph.export.export_formats()` first imports
this package's modules."""

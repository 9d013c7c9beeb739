"""The output formats by name: the command line offers them without importing the code that writes them."""

EXTRACT_FORMATS = ("json", "jsonl", "csv", "sqlite", "ocd", "html")  # minutes-extract FILE --format
BATCH_FORMATS = (*EXTRACT_FORMATS, "parquet")  # minutes-extract batch --format
FILE_FORMATS = frozenset({"json", "csv", "sqlite", "ocd", "html", "parquet"})  # a batch writes these under -o

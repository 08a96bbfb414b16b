"""bulletin-etl: a government statistical bulletin PDF in, validated Parquet datasets out."""

__version__ = "0.1.0"

"""Scale: many cores on one machine (`parallel`), clusters through Dask (`distributed`), Parquet output (`parquet`)."""

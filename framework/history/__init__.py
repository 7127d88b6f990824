"""A site's backlink profile over time (dated snapshots in Parquet) and many sites at once (the portfolio)."""

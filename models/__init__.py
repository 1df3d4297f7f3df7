"""NLP assets as data (lexicons, patterns, pipeline.toml): no code lives here;
this marker makes the folder the package ``claimex.models`` when installed."""

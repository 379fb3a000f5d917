"""docgen: Vietnamese administrative documents (Decree 30/2020/ND-CP) from YAML meeting specs."""

__version__ = "0.1.0"

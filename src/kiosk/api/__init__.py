"""The back-office REST client and its (de)serialisation."""

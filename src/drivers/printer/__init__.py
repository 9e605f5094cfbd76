"""drivers/printer package: receipt slips on ESC/POS thermal printers."""

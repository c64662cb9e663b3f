"""The open data: JSON, CSV, the workbook, the citations, JSON-LD and the licence."""

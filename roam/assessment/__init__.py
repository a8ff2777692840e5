"""National assessments: the answer records, their storage and their rules."""

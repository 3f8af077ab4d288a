"""The world gazetteer: converting the CIA World Factbook tables into the rule pack's own files."""

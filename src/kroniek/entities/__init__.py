"""Entities: names found in the text resolved to identities in the knowledge base (kroniek.kb),
grouped per real-world entity, with CAMEO actor codes valid at the document date."""

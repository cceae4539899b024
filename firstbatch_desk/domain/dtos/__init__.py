"""Frozen data transfer objects: what services take and return (never ORM objects)."""

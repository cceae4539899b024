"""PDF reports drawn with ReportLab: case file (案卷), visit record sheet, periodic summary.

Builders take the frozen DTOs of :mod:`firstbatch_desk.domain.dtos.reports`, a
path or binary file object and the font file; they never query the database.
Importing this package costs nothing: ReportLab is loaded by the builder
modules (``case_file``, ``visit_sheet``, ``summary``) and only inside the
functions of ``fonts``; ``errors`` and ``output`` never load it.
"""

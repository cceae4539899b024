"""FirstBatch Desk (首批次跟踪服务台).

Follow-up services for enterprises whose new-material products were
recognised as "first batch" (首批次新材料).
"""

__version__ = "0.1.0"

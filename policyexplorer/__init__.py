"""Static policy explorer for Chinese government reports."""

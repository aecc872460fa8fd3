"""SPP Desktop: encrypted offline fieldwork for Schools Partnership Programme peer reviews."""

APP_NAME = "SPP Desktop"
APP_ID = "org.spp.SPPDesktop"
__version__ = "0.1.0"

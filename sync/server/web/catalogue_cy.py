CY: dict[str, str] = {}

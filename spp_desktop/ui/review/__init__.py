"""The review workspace and its pages: plan, evidence (capture forms and list), findings, feedback."""

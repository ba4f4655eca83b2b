"""Prefect flows, tasks, task runners and deployments composing the nato_briefs core."""

from nato_briefs.lifeline import exit_with_parent_if_child

exit_with_parent_if_child()  # a pool worker of a killed run leaves before its seconds of imports (see lifeline)

"""The one exception type for problems the user can fix (bad path, undecodable file, bad config)."""


class UserError(Exception):
    """A problem with the user's input; the CLI prints it as one line and exits with code 2."""

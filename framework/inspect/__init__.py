"""Live inspection of linking pages: fetch them safely, read them, and turn what is found into evidence."""

from framework.inspect._guard import KINDS as REFUSAL_KINDS, check_address
from framework.inspect.batch import check_many
from framework.inspect.fetch import ENV_ALLOW, ERRORS, USER_AGENT, FetchConfig, FetchResult, fetch

# Fetching (fetch.py, batch.py, the private _guard/_body/_robots). The reader (read.py) and the
# evidence mapping (evidence.py) add their public names below.
__all__ = ["FetchConfig", "FetchResult", "fetch", "check_many", "check_address", "ERRORS", "REFUSAL_KINDS",
           "USER_AGENT", "ENV_ALLOW"]

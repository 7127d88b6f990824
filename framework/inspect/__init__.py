"""Live inspection of linking pages: fetch them safely, read them, and turn what is found into evidence."""

from linkwijzer.inspect._guard import KINDS as REFUSAL_KINDS, check_address
from linkwijzer.inspect.batch import check_many
from linkwijzer.inspect.evidence import NOTE, Evidence, evidence_for
from linkwijzer.inspect.fetch import ENV_ALLOW, ERRORS, USER_AGENT, FetchConfig, FetchResult, fetch
from linkwijzer.inspect.inspection import Inspection, inspect_link
from linkwijzer.inspect.read import PLACEMENTS, LinkReading, PageReading, read_page
from linkwijzer.inspect.verify import LIVE_STATES, Verification, verify_links

# Fetching (fetch.py, batch.py, the private _guard/_body/_robots). The reader (read.py) and the
# evidence mapping (evidence.py) add their public names below.
__all__ = ["FetchConfig", "FetchResult", "fetch", "check_many", "check_address", "ERRORS", "REFUSAL_KINDS",
           "USER_AGENT", "ENV_ALLOW", "read_page", "PageReading", "LinkReading", "PLACEMENTS", "evidence_for",
           "Evidence", "NOTE", "inspect_link", "Inspection", "verify_links", "Verification", "LIVE_STATES"]

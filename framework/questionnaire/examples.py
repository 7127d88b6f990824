"""Three worked prospects for the home page and the tests: clearly good, neutral, and weak."""

from linkwijzer.questionnaire.assessment import Assessment
from linkwijzer.questionnaire.verdict import Answers

EXAMPLES = {
    "local_news": Assessment(
        source_url="https://www.utrechtsnieuwsblad.example/fietsdiefstal-in-de-binnenstad",
        target_url="https://www.fietsenvandijk.nl/blog/fietsdiefstal-cijfers",
        anchor="cijfers van Fietsen van Dijk",
        answers=Answers(quick=("yes", "yes", "yes"),
                        traits={"relevance": "yes", "context": "yes", "origin": "yes",
                                "naturalness": "yes", "contribution": "partly"}),
    ),
    "partner_list": Assessment(
        source_url="https://www.ondernemersvereniging-oost.example/leden",
        target_url="https://www.fietsenvandijk.nl/",
        anchor="fietsenvandijk.nl",
        answers=Answers(quick=("yes", "no", "yes"),
                        traits={"relevance": "partly", "context": "partly", "origin": "yes",
                                "naturalness": "yes", "contribution": "partly"},
                        boosters=frozenset({"traffic"}), facts=frozenset({"small_site"})),
    ),
    "paid_casino_post": Assessment(
        source_url="https://www.gokken-bonus-blog.example/10-tips-voor-je-fiets",
        target_url="https://www.fietsenvandijk.nl/e-bikes/",
        anchor="goedkope e-bike kopen",
        answers=Answers(quick=("no", "no", "no"),
                        traits={"relevance": "no", "context": "partly", "origin": "no",
                                "naturalness": "no", "contribution": "no"},
                        facts=frozenset({"paid"})),
    ),
}

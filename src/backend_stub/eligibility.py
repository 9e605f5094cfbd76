"""Running the rules for a request: the persona the card points to, in the stub's date and office."""

from backend_stub.api_models import IdentityQuery
from backend_stub.identity import find_persona
from backend_stub.model import Persona
from backend_stub.rules import Context, Eligibility, evaluate
from backend_stub.state import StubState


def check_eligibility(state: StubState, query: IdentityQuery, service: str, office: str) -> Eligibility:
    persona = find_persona(state.personas, query.id_number, query.document_number)
    return evaluate(context(state, query, persona, service, office))


def context(
    state: StubState, query: IdentityQuery, persona: Persona | None, service: str, office: str
) -> Context:
    return Context(
        persona=persona,
        service=service,
        today=state.today,
        office=office,
        card_name=query.name,
        card_birth_date=query.birth_date,
    )

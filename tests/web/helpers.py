"""Small steps shared by the browser tests."""

import re

import httpx
from playwright.sync_api import Page, expect

XSS = "<img src=x onerror=alert(1)>"


def open_chat(page: Page, base_url: str, entry_point: str = "nupraatikerover", simulated_now: str | None = None) -> None:
    url = f"{base_url}/chat/{entry_point}"
    if simulated_now:
        url += "?simulated_now=" + simulated_now.replace("+", "%2B")
    page.goto(url)
    expect(page.get_by_role("button", name="Snel weg")).to_be_visible()
    expect(page.locator("#chat")).to_be_hidden()  # a fresh tab starts at the start screen


def start_chat(page: Page) -> None:
    page.get_by_role("button", name="Start de chat").click()
    expect(page.locator("#messages li[data-seq]").first).to_be_visible(timeout=90_000)


def conversation_of(page: Page, entry_point: str = "nupraatikerover") -> dict:
    stored = page.evaluate(f"sessionStorage.getItem('chat:{entry_point}')")
    assert stored, "the open tab keeps its conversation in sessionStorage"
    import json

    return json.loads(stored)


def say(page: Page, text: str) -> None:
    page.get_by_label("Je bericht").fill(text)
    page.get_by_role("button", name="Verstuur").click()


def login_console(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/console")
    expect(page.locator("#workspace")).to_be_hidden()  # nothing of the queue before logging in
    page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name=re.compile("^Wachtrij"))).to_be_visible()
    expect(page.locator("#login")).to_be_hidden()


def queue_entry(page: Page, conversation_id: str):
    return page.locator(f'#queue li[data-id="{conversation_id}"] button')


def api_login(base_url: str, username: str, password: str) -> dict:
    response = httpx.post(f"{base_url}/api/v1/counsellor/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def storage_is_empty(page: Page) -> bool:
    return page.evaluate("sessionStorage.length === 0 && localStorage.length === 0")

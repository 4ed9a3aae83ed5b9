"""A small OpenAI-compatible chat server on loopback: the one thing the suite replaces.

The real `openai` client talks to it over HTTP, so retries, timeouts and parsing run as they
would against OpenAI, Ollama, llama.cpp or vLLM. Answers are scripted per prompt template
(recognised by its built-in system prompt), each a list of behaviours used in turn (the last
repeats); a persona bends the protocol the way one provider does:

    fake.script("analyze_story", answer({...}))
    fake.script("world_description", status(500), status(429), answer({"description": "…"}))
    fake.persona = "no_json_schema"     # 400 on response_format json_schema, like some vLLMs
    fake.persona = "prose"              # JSON in a fenced block after a sentence, like Ollama
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ai.templates import BUILT_IN


def answer(data, prompt_tokens: int = 12, completion_tokens: int = 7):
    """Reply with `data` (JSON-encoded unless a string) as the assistant's message."""
    content = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return ("answer", content, prompt_tokens, completion_tokens)


def status(code: int, message: str = "scripted failure", retry_after: str | None = None):
    """Reply with an HTTP error in OpenAI's error shape."""
    return ("status", code, message, retry_after)


def hang(seconds: float):
    """Answer nothing for that long (longer than the client's timeout makes it time out)."""
    return ("hang", seconds)


class FakeOpenAI:
    """The server; `requests` holds every request body it received, in order."""

    def __init__(self):
        self.requests: list[dict] = []
        self.persona = "openai"
        self._scripts: dict[str, list] = defaultdict(list)
        self._used: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The base URL to give as OPENAI_BASE_URL."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def script(self, template: str, *behaviours) -> None:
        """The behaviours for a template's requests, in turn (the last one repeats)."""
        with self._lock:
            self._scripts[template] = list(behaviours)
            self._used[template] = 0

    def requests_for(self, template: str) -> list[dict]:
        """The bodies of the requests made for a template."""
        return [r for r in self.requests if template_of(r) == template]

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()

    def _next(self, body: dict):
        template = template_of(body)
        with self._lock:
            self.requests.append(body)
            steps = self._scripts.get(template) or [status(500, f"nothing scripted for "
                                                               f"{template}")]
            step = steps[min(self._used[template], len(steps) - 1)]
            self._used[template] += 1
        if self.persona == "no_json_schema" and \
                (body.get("response_format") or {}).get("type") == "json_schema":
            return status(400, "response_format json_schema is not supported")
        if self.persona == "prose" and step[0] == "answer":
            return ("answer", f"Sure! Here is the JSON you asked for:\n```json\n{step[1]}\n```"
                              f"\nLet me know if you need more.", step[2], step[3])
        return step

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):      # keep the test output quiet
                pass

            def do_GET(self):
                if self.path == "/__requests":
                    self._send(200, {"requests": fake.requests})
                else:
                    self._send(404, {"error": {"message": "no such route"}})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path == "/__script":          # the e2e run scripts answers over HTTP
                    fake.script(body["template"], *[_step(s) for s in body["steps"]])
                    fake.persona = body.get("persona", fake.persona)
                    self._send(200, {"scripted": body["template"]})
                    return
                step = fake._next(body)
                if step[0] == "hang":
                    time.sleep(step[1])
                    step = answer({})
                if step[0] == "status":
                    _, code, message, retry_after = step
                    self._send(code, {"error": {"message": message, "type": "scripted",
                                                "code": code}},
                               {"Retry-After": retry_after} if retry_after else {})
                    return
                _, content, prompt_tokens, completion_tokens = step
                self._send(200, {
                    "id": "chatcmpl-fake", "object": "chat.completion", "created": 0,
                    "model": body.get("model", "fake"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": prompt_tokens,
                              "completion_tokens": completion_tokens,
                              "total_tokens": prompt_tokens + completion_tokens}})

            def _send(self, code: int, payload: dict, headers: dict | None = None):
                data = json.dumps(payload).encode()
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass                          # the client gave up (a timeout test)

        return Handler


def _step(spec: dict):
    """A behaviour from its JSON form: {"answer": data}, {"status": code}, {"hang": seconds}."""
    if "answer" in spec:
        return answer(spec["answer"])
    if "status" in spec:
        return status(spec["status"], spec.get("message", "scripted failure"))
    return hang(spec["hang"])


def main() -> int:
    """Serve until stopped, for the browser tests: prints the base URL once it listens."""
    fake = FakeOpenAI()
    print(f"fake openai serving on {fake.url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


def template_of(body: dict) -> str | None:
    """Which built-in template a request was made from, by its system prompt."""
    messages = body.get("messages") or []
    system = messages[0].get("content", "") if messages else ""
    for name, parts in BUILT_IN.items():
        if system.startswith(parts["system_prompt"]):
            return name
    return None

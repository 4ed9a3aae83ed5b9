"""Run the fake OpenAI-compatible server as a process (the browser tests start it):

    python tests/support/run_fake_openai.py      # prints "fake openai serving on <url>"

Answers are scripted over HTTP: POST /__script {"template": "analyze_story", "steps":
[{"answer": {...}}, {"status": 500}, {"hang": 2}]}; GET /__requests lists what it received.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path[:0] = [os.path.join(ROOT, "api"), ROOT]

from tests.support.fake_openai import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())

"""Template generators that need no AI (worlds, stories) and the story linker."""

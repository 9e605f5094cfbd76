"""The licence services as pure-Python state machines. No Qt, no I/O."""

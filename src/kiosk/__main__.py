import sys

from kiosk.cli import main

if __name__ == "__main__":  # not when a spawned child process (kiosk/face_check.py) imports it
    sys.exit(main())

"""What the citizen is told when a measure fails: one short instruction, in Chinese and English.

Directions are the citizen's own ("move to your right"), worked out from the unmirrored frame: a face in the
image's right half belongs to someone standing on the camera's right, which is the citizen's left.
"""

from __future__ import annotations

Hint = tuple[str, str]  # (zh, en)

NO_FACE: Hint = ("请正对镜头，让面部出现在画面中",
                 "Stand in front of the camera so that we can see your face")
SEVERAL_FACES: Hint = ("请确保画面中只有您一人", "Make sure only you are in the picture")
MOVE_RIGHT: Hint = ("请向您的右侧移动一点", "Move a little to your right")
MOVE_LEFT: Hint = ("请向您的左侧移动一点", "Move a little to your left")
EYES_TOO_HIGH: Hint = ("请稍微放低身体，让双眼对准参考线",
                       "Lower yourself a little so your eyes meet the guide line")
EYES_TOO_LOW: Hint = ("请坐直或站直，让双眼对准参考线",
                      "Sit or stand up straight so your eyes meet the guide line")
COME_CLOSER: Hint = ("请靠近镜头一点", "Come a little closer to the camera")
STEP_BACK: Hint = ("请离镜头远一点", "Move back a little from the camera")
HEAD_STRAIGHT: Hint = ("请保持头部端正，不要歪头", "Keep your head upright, do not tilt it")
FACE_CAMERA: Hint = ("请正面直视镜头，不要转头", "Face the camera directly, do not turn your head")
CHIN_DOWN: Hint = ("请稍微低头，平视镜头", "Lower your chin a little and look straight at the camera")
CHIN_UP: Hint = ("请抬头平视镜头", "Lift your chin and look straight at the camera")
OPEN_EYES: Hint = ("请睁开双眼，看着镜头", "Open your eyes and look at the camera")
CLOSE_MOUTH: Hint = ("请闭上嘴，保持自然表情", "Close your mouth and keep a neutral expression")
TOO_DARK: Hint = ("画面太暗，请站到灯光下，或请工作人员帮助",
                  "The picture is too dark: stand in the light or ask staff for help")
TOO_BRIGHT: Hint = ("画面太亮，请稍微后退，或请工作人员帮助",
                    "The picture is too bright: step back a little or ask staff for help")
FLAT_LIGHT: Hint = ("面部光线太平淡，请正对灯光站好",
                    "Your face looks flat and washed out: stand facing the light")
SIDE_SHADOW: Hint = ("脸部一侧有阴影，请正对灯光站好",
                     "One side of your face is in shadow: face the light directly")
ODD_COLOUR: Hint = ("肤色显示不自然，请工作人员检查灯光",
                    "Your skin colour looks unnatural: ask staff to check the light")
HOLD_STILL: Hint = ("照片模糊，请保持不动", "The picture is blurred: hold still for a moment")
BUSY_BACKGROUND: Hint = ("请确保身后没有其他物品或人员",
                         "Keep the background clear: nothing and nobody behind you")
DARK_BACKGROUND: Hint = ("背景太暗，请站在白色背景前", "Stand in front of the white background")

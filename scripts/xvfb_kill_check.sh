set -x
export DISPLAY=:77
Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 &
XV=$!
sleep 1
ATELIER_DATA_DIR=/tmp/kill/data /work/main/.venv/bin/atelier open /tmp/kill/big.atelier &
APP=$!
sleep 4
WID=$(xdotool search --name "Atelier" | head -1)
xdotool windowactivate --sync $WID 2>/dev/null; xdotool windowfocus $WID
# new participant, type name, tab to needs, type two needs, commit
xdotool key ctrl+n; sleep 0.3
xdotool type --delay 20 "Zoé KILLTEST / PETR Test"; xdotool key Tab Tab Tab; sleep 0.2
xdotool type --delay 20 "besoin avant kill"; xdotool key Return; xdotool type --delay 20 "second besoin"; xdotool key ctrl+Return
sleep 0.5
import -window root /tmp/kill/before-kill.png
kill -9 $APP
sleep 0.5
kill $XV

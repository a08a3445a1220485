#!/bin/sh
# Time from launch to the first frame that shows the catalog, in ms.
#   bench/bench-startup.sh [BUILD_DIR] [RUNS]
# Each run starts `certo` with a fresh data folder (first launch: the store is
# created and the embedded catalog imported) or, with CERTO_BENCH_WARM=1, the
# same folder every time (a later launch). The program, with
# CERTO_BENCH_STARTUP=1, prints a line when the first frame with the documents
# in the list is drawn and quits; launch time is taken here, before exec.
# Runs under Xvfb and dbus-run-session; prints median, min and max.
set -eu

build=${1:-builddir}
runs=${2:-10}
top=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build="$top/$build" ;; esac
app="$build/src/ui/certo"
[ -x "$app" ] || { echo "bench-startup: $app not built" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The floor: an empty libadwaita window (header bar and a label) drawn the
# same way, when a C compiler is at hand. What Certo adds is the difference.
baseline=""
if command -v cc >/dev/null && pkg-config --exists libadwaita-1 2>/dev/null; then
  cat >"$work/baseline.c" <<'C'
#include <adwaita.h>
#include <sys/resource.h>
static void
after_paint (GdkFrameClock *clock, gpointer data)
{
  struct rusage u;
  getrusage (RUSAGE_SELF, &u);
  g_printerr ("certo-bench: baseline monotonic_us=%" G_GINT64_FORMAT " since_main_ms=%.1f cpu_ms=%.1f\n",
              g_get_monotonic_time (), (g_get_monotonic_time () - *(gint64 *) data) / 1000.0,
              (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0
              + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0);
  exit (0);
}
static void
realize (GtkWidget *w, gpointer data)
{
  g_signal_connect (gtk_widget_get_frame_clock (w), "after-paint", G_CALLBACK (after_paint), data);
}
static void
activate (GApplication *app, gpointer data)
{
  GtkWidget *w = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Baseline"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (w), box);
  gtk_window_set_default_size (GTK_WINDOW (w), 1100, 720);
  g_signal_connect (w, "realize", G_CALLBACK (realize), data);
  gtk_window_present (GTK_WINDOW (w));
}
int
main (int argc, char **argv)
{
  static gint64 t0;
  AdwApplication *app;
  t0 = g_get_monotonic_time ();
  app = adw_application_new ("org.example.CertoBenchBaseline", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), &t0);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
C
  # shellcheck disable=SC2046
  if cc -O2 -o "$work/baseline" "$work/baseline.c" $(pkg-config --cflags --libs libadwaita-1) 2>/dev/null; then
    baseline="$work/baseline"
  fi
fi

cat >"$work/run.py" <<'PY'
import os, statistics, subprocess, sys, tempfile, time

app, runs, work, baseline = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
warm = os.environ.get("CERTO_BENCH_WARM") == "1"
env = dict(os.environ, CERTO_BENCH_STARTUP="1", GTK_A11Y="none", GDK_BACKEND="x11")
env.setdefault("GSETTINGS_BACKEND", "memory")
def measure(program, data_dirs):
    launch_ms, main_ms, cpu_ms = [], [], []
    for i, data_dir in enumerate(data_dirs):
        t0 = time.monotonic()   # CLOCK_MONOTONIC, as g_get_monotonic_time()
        p = subprocess.run([program], env=dict(env, CERTO_DATA_DIR=data_dir),
                           capture_output=True, text=True, timeout=60)
        line = next((l for l in p.stderr.splitlines() if l.startswith("certo-bench:")), None)
        if line is None:
            sys.exit("bench-startup: run %d of %s printed no measurement (exit %d):\n%s"
                     % (i, program, p.returncode, p.stderr[-2000:]))
        fields = dict(f.split("=", 1) for f in line.split()[2:])
        launch_ms.append(int(fields["monotonic_us"]) / 1000.0 - t0 * 1000.0)
        main_ms.append(float(fields["since_main_ms"]))
        cpu_ms.append(float(fields.get("cpu_ms", "-1")))
    return launch_ms, main_ms, cpu_ms

warm_dir = tempfile.mkdtemp(dir=work)
if warm:
    # one launch to create the store and import the embedded catalog
    subprocess.run([app], env=dict(env, CERTO_DATA_DIR=warm_dir), capture_output=True, timeout=60)
dirs = [warm_dir if warm else tempfile.mkdtemp(dir=work) for _ in range(runs)]
launch_ms, main_ms, cpu_ms = measure(app, dirs)

def show(name, values):
    print("%-28s median %7.1f ms   min %7.1f ms   max %7.1f ms   (%d runs)"
          % (name, statistics.median(values), min(values), max(values), len(values)))

print("certo startup (%s launch), launch -> first frame with the catalog:" % ("later" if warm else "first"))
show("from exec", launch_ms)
show("from main()", main_ms)
show("CPU time (all threads)", cpu_ms)
if baseline:
    b_launch, b_main, b_cpu = measure(baseline, dirs)
    print("baseline: an empty libadwaita window, launch -> first frame:")
    show("from exec", b_launch)
    show("CPU time (all threads)", b_cpu)
print("load average: %.2f %.2f %.2f on %d CPUs (a busy machine inflates the times)"
      % (os.getloadavg() + (os.cpu_count(),)))
PY

export GSETTINGS_SCHEMA_DIR="${GSETTINGS_SCHEMA_DIR:-$build/data}"
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
  python3 "$work/run.py" "$app" "$runs" "$work" "$baseline"

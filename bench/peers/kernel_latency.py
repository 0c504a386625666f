"""Kernel latency as a front end sees it, for one kernelspec: start to the first kernel_info_reply, the round trip of
a trivial cell (execute_request to idle), and completion (complete_request to complete_reply).

usage: kernel_latency.py KERNEL_NAME TRIVIAL_CODE COMPLETION_CODE [--starts N] [--cells N] [--completions N]
Prints one JSON line: medians in milliseconds. The kernelspec must be findable (JUPYTER_PATH).
"""
import argparse
import json
import statistics
import time

from jupyter_client import KernelManager


def start_to_info(name):
    km = KernelManager(kernel_name=name)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    # What a front end does first: ask kernel_info until the kernel answers.
    while True:
        kc.kernel_info()
        try:
            reply = kc.get_shell_msg(timeout=0.05)
        except Exception:
            continue
        if reply["msg_type"] == "kernel_info_reply":
            break
    elapsed = time.perf_counter() - started
    return km, kc, elapsed


def reply_to(kc, msg_id):
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def round_trip(kc, code):
    started = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        message = kc.get_iopub_msg(timeout=30)
        if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            break
    elapsed = time.perf_counter() - started
    reply_to(kc, msg_id)
    return elapsed


def completion(kc, code):
    started = time.perf_counter()
    reply = reply_to(kc, kc.complete(code, len(code)))
    elapsed = time.perf_counter() - started
    assert reply["content"]["matches"], f"no completions for {code!r}"
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernel")
    parser.add_argument("trivial")
    parser.add_argument("complete")
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--cells", type=int, default=50)
    parser.add_argument("--completions", type=int, default=20)
    args = parser.parse_args()

    starts, cells, completions = [], [], []
    for index in range(args.starts):
        km, kc, elapsed = start_to_info(args.kernel)
        starts.append(elapsed)
        try:
            if index == 0:
                # Warm: the first cell and completion of a session pay for compilers and caches, once.
                round_trip(kc, args.trivial)
                completion(kc, args.complete)
                cells = [round_trip(kc, args.trivial) for _ in range(args.cells)]
                completions = [completion(kc, args.complete) for _ in range(args.completions)]
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)

    ms = lambda values: round(statistics.median(values) * 1000, 1)
    print(json.dumps({
        "kernel": args.kernel,
        "start_to_kernel_info_ms": ms(starts),
        "trivial_cell_round_trip_ms": ms(cells),
        "completion_ms": ms(completions),
    }))


if __name__ == "__main__":
    main()

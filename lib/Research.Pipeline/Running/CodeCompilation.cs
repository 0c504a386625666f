namespace Research.Pipeline.Running;

/// <summary>
/// How a notebook process compiles its code. Both run the same IL with the same results (every result file and report
/// byte-identical); they differ in what the process spends on compiling against what it gains while its code runs.
/// </summary>
/// <remarks>
/// Measured with run-all --force on two cores, the extract cache in place (wall s, user CPU-s): at scale 1 (8.5 MB)
/// 7.8–8.6 s, 11.4–12.2 precompiled against 7.9–9.4 s, 11.5–13.5 tiered; at scale 8 (68 MB) 20.2–21.7 s, 30.1–32.8
/// against 21.0–21.5 s, 35.6–37.0; nationally (scale 115.7, 977 MB) 177.8 s, 302.8 against 127.3 s, 218.5.
/// </remarks>
public enum CodeCompilation
{
    /// <summary>
    /// Tiered compilation off: the ReadyToRun images' code is kept for good and the rest is compiled once, fully
    /// optimised. Cheapest while a report's time goes to compiling cells and starting up rather than to its estimators.
    /// </summary>
    Precompiled,

    /// <summary>
    /// Tiered compilation on, except for methods with loops outside the images, which are compiled fully optimised at
    /// once: the images' code first, hot methods compiled again for this processor. The images' code is compiled for any
    /// x64 processor; a national report spends a minute in the estimators' loops, most of it in that code when it is
    /// kept (`perf` by module over Tilburg's report: the Analysis, Statistics and framework images 32 % of the samples
    /// kept, 10 % tiered, of a third fewer samples), and there the recompiled code pays for itself (Groningen's report
    /// 79 s precompiled, 48 s tiered, in the runs of the remarks). With loops first compiled unoptimised, as tiering
    /// does by default, the scale-8 run cost 49–53 user-s and the national one 240–260.
    /// </summary>
    Tiered,
}

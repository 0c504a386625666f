namespace Research.Statistics.Design;

/// <summary>What a term of a design matrix represents; decides how it is expanded and how it is treated downstream.</summary>
public enum TermKind
{
    /// <summary>The constant column.</summary>
    Intercept,

    /// <summary>Experimental arms: one dummy per arm against the control (reference) arm.</summary>
    Treatment,

    /// <summary>A numeric covariate, used as is.</summary>
    Numeric,

    /// <summary>A categorical covariate: one dummy per level except the reference level.</summary>
    Categorical,

    /// <summary>Fixed effects (e.g. municipality or stratum): one dummy per level except the first.</summary>
    FixedEffects,

    /// <summary>A treatment dummy times a centred covariate (Lin's interacted adjustment, <c>arm[B]:age_c</c>).</summary>
    Interaction,
}

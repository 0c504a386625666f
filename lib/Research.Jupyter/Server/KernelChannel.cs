namespace Research.Jupyter.Server;

/// <summary>The kernel's sockets, by the name the messaging specification gives them.</summary>
public enum KernelChannel
{
    /// <summary>Requests and replies (ROUTER).</summary>
    Shell,

    /// <summary>Interrupt and shutdown, served even while a cell runs (ROUTER).</summary>
    Control,

    /// <summary>The kernel asks the front end for input (ROUTER).</summary>
    Stdin,

    /// <summary>Broadcasts: status, outputs, errors (PUB).</summary>
    Iopub,
}

using System.Diagnostics;

namespace Egalis.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of its own, which a test may stop and restart (the tests' shared server must stay up). Uses
/// Debian's binaries (test.sh installs them); as root, runs them as the postgres user.
/// </summary>
public sealed class PostgresJetable : IDisposable
{
    private readonly string _bin;
    private readonly string _dossier = Path.Combine(Path.GetTempPath(), $"egalis-pg-{Guid.NewGuid():N}");

    public int Port { get; } = TestSmtpServer.FreePort();

    public string Serveur => $"Host=127.0.0.1;Port={Port};Username=postgres;Timeout=5;Command Timeout=10";

    public PostgresJetable()
    {
        _bin = Path.GetDirectoryName(Outil("initdb"))!;
        Directory.CreateDirectory(_dossier);
        if (Environment.UserName == "root")
        {
            Executer("chown", "postgres", _dossier);
        }
        Outil("initdb", "-D", Path.Combine(_dossier, "data"), "-A", "trust", "-U", "postgres");
        Demarrer();
    }

    public void Demarrer() => Outil("pg_ctl", "-D", Path.Combine(_dossier, "data"), "-l", Path.Combine(_dossier, "log"), "-w",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_dossier}", "start");

    /// <summary>Stops it as a crash would: no checkpoint, connections cut.</summary>
    public void Arreter() => Outil("pg_ctl", "-D", Path.Combine(_dossier, "data"), "-m", "immediate", "-w", "stop");

    private void Outil(string nom, params string[] arguments)
    {
        var programme = Path.Combine(_bin, nom);
        if (Environment.UserName == "root")
        {
            Executer("runuser", ["-u", "postgres", "--", programme, .. arguments]);
        }
        else
        {
            Executer(programme, arguments);
        }
    }

    /// <summary>A PostgreSQL program of Debian's newest installed version (initdb, pg_dump, pg_restore…).</summary>
    public static string Outil(string nom) =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .OrderByDescending(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => Path.Combine(d, "bin", nom)).First(File.Exists);

    /// <summary>Runs a program to its end; its error output is the exception's message when it fails.</summary>
    public static void Executer(string programme, params string[] arguments)
    {
        var info = new ProcessStartInfo(programme) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var processus = Process.Start(info)!;
        var erreurs = processus.StandardError.ReadToEndAsync();
        processus.StandardOutput.ReadToEnd();
        processus.WaitForExit();
        if (processus.ExitCode != 0)
        {
            throw new InvalidOperationException($"{programme} {string.Join(' ', arguments)} : {erreurs.Result}");
        }
    }

    public void Dispose()
    {
        try
        {
            Arreter();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_dossier, recursive: true);
    }
}

// Progressive enhancements only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
    // A form that comes back with errors moves the focus to its summary (announced by screen readers).
    var resume = document.querySelector("[data-resume-erreurs]");
    if (resume) {
        resume.focus();
    }
    // Links of the summary move the focus to the field itself, not just scroll to it.
    document.querySelectorAll(".resume-erreurs a[href^='#']").forEach(function (lien) {
        lien.addEventListener("click", function (e) {
            var cible = document.getElementById(lien.getAttribute("href").substring(1));
            if (cible) {
                e.preventDefault();
                cible.focus();
            }
        });
    });
});

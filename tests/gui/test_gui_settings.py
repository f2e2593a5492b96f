from pathlib import Path

from gui.settings import MAX_RECENT, Settings, data_dir, settings_dir


def test_settings_live_under_the_test_folder():
    folder = settings_dir()
    assert folder is not None
    settings = Settings()
    assert Path(settings.file_name).parent == folder
    assert data_dir().is_relative_to(folder)


def test_recent_projects_are_most_recent_first_without_duplicates(tmp_path):
    settings = Settings()
    a, b = tmp_path / "a.factdiff", tmp_path / "b.factdiff"
    settings.add_recent_project(a)
    settings.add_recent_project(b)
    settings.add_recent_project(a)
    assert Settings().recent_projects() == [str(a.resolve()), str(b.resolve())]
    settings.remove_recent_project(a)
    assert settings.recent_projects() == [str(b.resolve())]


def test_recent_projects_are_capped(tmp_path):
    settings = Settings()
    for i in range(MAX_RECENT + 5):
        settings.add_recent_project(tmp_path / f"{i}.factdiff")
    recent = settings.recent_projects()
    assert len(recent) == MAX_RECENT
    assert recent[0].endswith(f"{MAX_RECENT + 4}.factdiff")


def test_preferences_round_trip_with_types():
    settings = Settings()
    assert settings.scroll_sync is True
    settings.set_preference("scroll_sync", False)
    settings.set_preference("reviewer", "Ada Reviewer")
    settings.set_preference("font_size", 14)
    settings.sync()
    again = Settings()
    assert again.scroll_sync is False
    assert again.reviewer == "Ada Reviewer"
    assert again.preference("font_size") == 14

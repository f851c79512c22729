"""Starter DAG for team {{team}}.

Airflow reads this repository through a GitDagBundle; anything under dags/ on the tracked branch
is parsed by the DAG processor after its next refresh. Replace this file with your own DAGs.
"""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.sdk import dag, task

TEAM = "{{team}}"


@dag(
    # DAG ids share one namespace across every team on this Airflow: the team prefix keeps them
    # apart, and the double underscore stays unambiguous because team names may contain "_".
    dag_id=f"{TEAM}__example",
    description=f"Starter DAG of team {TEAM}",
    # Manual trigger only, so a fresh repository does not start running work in every
    # environment the moment its bundle is deployed.
    schedule=None,
    start_date=datetime(2025, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    tags=[TEAM, "example"],
    default_args={"retries": 1},
)
def example() -> None:
    @task
    def extract() -> list[int]:
        return [1, 2, 3]

    @task
    def transform(values: list[int]) -> int:
        return sum(values)

    @task
    def load(total: int) -> None:
        print(f"{TEAM}: total={total}")

    load(transform(extract()))


example()

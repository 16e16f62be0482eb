"""The production topology on loopback (`make topology`) and the faults it must survive (`make reliability`).

topology  nginx, API instances (gunicorn), Celery workers and beat as local processes under var/topology/
faults    a TCP proxy in front of PostgreSQL or Redis that can pass, cut or stall
load      a small closed-loop HTTP load generator (threads, keep-alive), with latencies and statuses
run       the scenarios, each under load, into var/reliability.json
"""

# JupyterHub configuration for serving the xent course to a class (docs/teaching.md, "Serving a
# whole class"). It holds what the course needs; add your site's authenticator, spawner, address
# and TLS below it. `make test-hub` runs this very file, with a dummy authenticator and a local
# spawner, end to end in Chromium.
c = get_config()  # noqa: F821 (JupyterHub defines it)

# Students land in JupyterLab. They get the notebooks from an nbgitpuller link
# (.../hub/user-redirect/git-pull?repo=...&branch=main&urlpath=lab/tree/xent/notebooks/00_start_here.ipynb&targetpath=xent),
# which clones the repository into ~/xent on the first click and merges updates on later ones
# without overwriting what a student changed. The kernel starts in ~/xent/notebooks, where
# links to the course modules make `import xent_core` work without installing anything.
c.Spawner.default_url = "/lab"

# Measured with `make test-hub`: about 270 MB per active student (JupyterLab's server plus one
# kernel that ran a notebook and moved its slider); 512 MB leaves room for a second kernel.
# Spawners that can enforce it (SystemdSpawner, DockerSpawner, KubeSpawner) do; 30 students need
# about 8 GB of memory in use, plan 16 GB.
c.Spawner.mem_limit = "512M"
c.Spawner.cpu_limit = 1.0

# An idle student's server costs memory: stop it after an hour with jupyterhub-idle-culler
# (`pip install jupyterhub-idle-culler`), for example:
# c.JupyterHub.services = [{"name": "idle-culler", "command": ["python3", "-m", "jupyterhub_idle_culler", "--timeout=3600"]}]
# c.JupyterHub.load_roles = [{"name": "idle-culler", "services": ["idle-culler"],
#                             "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}]

{{/* The release's name for every object (at most 63 characters). */}}
{{- define "tsunagu.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "tsunagu.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tsunagu.labels" -}}
{{ include "tsunagu.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The database: the CloudNativePG cluster's read-write service, or the external host. */}}
{{- define "tsunagu.dbHost" -}}
{{- if .Values.cnpg.enabled -}}{{ include "tsunagu.fullname" . }}-db-rw{{- else -}}{{ required "database.host is required" .Values.database.host }}{{- end -}}
{{- end -}}

{{- define "tsunagu.dbSecret" -}}
{{- if .Values.cnpg.enabled -}}{{ include "tsunagu.fullname" . }}-db-app{{- else -}}{{ required "database.existingSecret is required: a Secret with the database username and password" .Values.database.existingSecret }}{{- end -}}
{{- end -}}

{{- define "tsunagu.dbQuery" -}}
{{- if .Values.database.sslMode -}}?sslmode={{ .Values.database.sslMode }}{{- end -}}
{{- end -}}

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "analysis_exports": {
                  Row: {
                    "analysis_id": string,"created_at": string,"expires_at": string | null,"file_name": string,"format": Database["public"]['Enums']["export_format"],"generated_by": string | null,"id": string,"size_bytes": number | null,"storage_path": string
                  }
                  ComputedFields: never
                  Insert: {
                    "analysis_id": string,"created_at"?: string,"expires_at"?: string | null,"file_name": string,"format": Database["public"]['Enums']["export_format"],"generated_by"?: string | null,"id"?: string,"size_bytes"?: number | null,"storage_path": string
                  }
                  Update: {
                    "analysis_id"?: string,"created_at"?: string,"expires_at"?: string | null,"file_name"?: string,"format"?: Database["public"]['Enums']["export_format"],"generated_by"?: string | null,"id"?: string,"size_bytes"?: number | null,"storage_path"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "analysis_exports_analysis_id_fkey"
      columns: ["analysis_id"]
isOneToOne: false
      referencedRelation: "customer_analyses"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "analysis_exports_generated_by_fkey"
      columns: ["generated_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"analysis_kpis": {
                  Row: {
                    "analysis_id": string,"category": string | null,"created_at": string,"department_id": string | null,"id": string,"json_value": Json | null,"metric_name": string,"metric_type": Database["public"]['Enums']["analysis_metric_type"],"numeric_value": number | null,"string_value": string | null,"technician_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "analysis_id": string,"category"?: string | null,"created_at"?: string,"department_id"?: string | null,"id"?: string,"json_value"?: Json | null,"metric_name": string,"metric_type": Database["public"]['Enums']["analysis_metric_type"],"numeric_value"?: number | null,"string_value"?: string | null,"technician_id"?: string | null
                  }
                  Update: {
                    "analysis_id"?: string,"category"?: string | null,"created_at"?: string,"department_id"?: string | null,"id"?: string,"json_value"?: Json | null,"metric_name"?: string,"metric_type"?: Database["public"]['Enums']["analysis_metric_type"],"numeric_value"?: number | null,"string_value"?: string | null,"technician_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "analysis_kpis_analysis_id_fkey"
      columns: ["analysis_id"]
isOneToOne: false
      referencedRelation: "customer_analyses"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "analysis_kpis_department_id_fkey"
      columns: ["department_id"]
isOneToOne: false
      referencedRelation: "departments"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "analysis_kpis_technician_id_fkey"
      columns: ["technician_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"analytics_events": {
                  Row: {
                    "conversation_id": string | null,"event_type": Database["public"]['Enums']["analytics_event_type"],"id": number,"metadata": NonNullable<Json>,"model": string | null,"occurred_at": string,"solution_area": string | null,"ticket_id": string | null,"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "conversation_id"?: string | null,"event_type": Database["public"]['Enums']["analytics_event_type"],"id"?: never,"metadata"?: NonNullable<Json>,"model"?: string | null,"occurred_at"?: string,"solution_area"?: string | null,"ticket_id"?: string | null,"user_id"?: string | null
                  }
                  Update: {
                    "conversation_id"?: string | null,"event_type"?: Database["public"]['Enums']["analytics_event_type"],"id"?: never,"metadata"?: NonNullable<Json>,"model"?: string | null,"occurred_at"?: string,"solution_area"?: string | null,"ticket_id"?: string | null,"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "analytics_events_conversation_id_fkey"
      columns: ["conversation_id"]
isOneToOne: false
      referencedRelation: "conversations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "analytics_events_solution_area_fkey"
      columns: ["solution_area"]
isOneToOne: false
      referencedRelation: "solution_areas"
      referencedColumns: ["slug"]
    },{
      foreignKeyName: "analytics_events_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "analytics_events_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"assistant_answer_details": {
                  Row: {
                    "confidence": number,"created_at": string,"message_id": string,"retrieval_log_id": number | null,"routed_area": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "confidence": number,"created_at"?: string,"message_id": string,"retrieval_log_id"?: number | null,"routed_area"?: string | null
                  }
                  Update: {
                    "confidence"?: number,"created_at"?: string,"message_id"?: string,"retrieval_log_id"?: number | null,"routed_area"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "assistant_answer_details_message_id_fkey"
      columns: ["message_id"]
isOneToOne: true
      referencedRelation: "messages"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "assistant_answer_details_retrieval_log_id_fkey"
      columns: ["retrieval_log_id"]
isOneToOne: false
      referencedRelation: "retrieval_logs"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "assistant_answer_details_routed_area_fkey"
      columns: ["routed_area"]
isOneToOne: false
      referencedRelation: "solution_areas"
      referencedColumns: ["slug"]
    }
                  ]
                },"auto_assignment_rules": {
                  Row: {
                    "created_at": string,"id": string,"is_enabled": boolean,"solution_area": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"id"?: string,"is_enabled"?: boolean,"solution_area"?: string | null
                  }
                  Update: {
                    "created_at"?: string,"id"?: string,"is_enabled"?: boolean,"solution_area"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "auto_assignment_rules_solution_area_fkey"
      columns: ["solution_area"]
isOneToOne: true
      referencedRelation: "solution_areas"
      referencedColumns: ["slug"]
    }
                  ]
                },"canned_replies": {
                  Row: {
                    "body": string,"created_at": string,"id": string,"internal_note": string | null,"owner_id": string | null,"set_status": string | null,"shortcut": string,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "body": string,"created_at"?: string,"id"?: string,"internal_note"?: string | null,"owner_id"?: string | null,"set_status"?: string | null,"shortcut": string,"title": string,"updated_at"?: string
                  }
                  Update: {
                    "body"?: string,"created_at"?: string,"id"?: string,"internal_note"?: string | null,"owner_id"?: string | null,"set_status"?: string | null,"shortcut"?: string,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "canned_replies_owner_id_fkey"
      columns: ["owner_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"conversation_categorizations": {
                  Row: {
                    "agent_quality": number | null,"analysis_id": string,"confidence": number | null,"conversation_id": string,"created_at": string,"id": string,"intent": string,"journey_stage": string,"reasoning": string,"sentiment": Database["public"]['Enums']["analysis_sentiment"]
                  }
                  ComputedFields: never
                  Insert: {
                    "agent_quality"?: number | null,"analysis_id": string,"confidence"?: number | null,"conversation_id": string,"created_at"?: string,"id"?: string,"intent": string,"journey_stage": string,"reasoning"?: string,"sentiment": Database["public"]['Enums']["analysis_sentiment"]
                  }
                  Update: {
                    "agent_quality"?: number | null,"analysis_id"?: string,"confidence"?: number | null,"conversation_id"?: string,"created_at"?: string,"id"?: string,"intent"?: string,"journey_stage"?: string,"reasoning"?: string,"sentiment"?: Database["public"]['Enums']["analysis_sentiment"]
                  }
                  Relationships: [
                    {
      foreignKeyName: "conversation_categorizations_analysis_id_fkey"
      columns: ["analysis_id"]
isOneToOne: false
      referencedRelation: "customer_analyses"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "conversation_categorizations_conversation_id_fkey"
      columns: ["conversation_id"]
isOneToOne: false
      referencedRelation: "conversations"
      referencedColumns: ["id"]
    }
                  ]
                },"conversation_read_markers": {
                  Row: {
                    "conversation_id": string,"last_read_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "conversation_id": string,"last_read_at"?: string,"user_id"?: string
                  }
                  Update: {
                    "conversation_id"?: string,"last_read_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "conversation_read_markers_conversation_id_fkey"
      columns: ["conversation_id"]
isOneToOne: false
      referencedRelation: "conversations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "conversation_read_markers_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"conversations": {
                  Row: {
                    "ai_model": string | null,"assigned_technician_id": string | null,"channel": Database["public"]['Enums']["conversation_channel"],"created_at": string,"customer_id": string,"id": string,"is_pinned": boolean,"is_shared": boolean,"last_message_at": string | null,"solution_area": string | null,"status": Database["public"]['Enums']["conversation_status"],"ticket_id": string | null,"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "ai_model"?: string | null,"assigned_technician_id"?: string | null,"channel"?: Database["public"]['Enums']["conversation_channel"],"created_at"?: string,"customer_id": string,"id"?: string,"is_pinned"?: boolean,"is_shared"?: boolean,"last_message_at"?: string | null,"solution_area"?: string | null,"status"?: Database["public"]['Enums']["conversation_status"],"ticket_id"?: string | null,"title"?: string,"updated_at"?: string
                  }
                  Update: {
                    "ai_model"?: string | null,"assigned_technician_id"?: string | null,"channel"?: Database["public"]['Enums']["conversation_channel"],"created_at"?: string,"customer_id"?: string,"id"?: string,"is_pinned"?: boolean,"is_shared"?: boolean,"last_message_at"?: string | null,"solution_area"?: string | null,"status"?: Database["public"]['Enums']["conversation_status"],"ticket_id"?: string | null,"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "conversations_assigned_technician_id_fkey"
      columns: ["assigned_technician_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "conversations_customer_id_fkey"
      columns: ["customer_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "conversations_solution_area_fkey"
      columns: ["solution_area"]
isOneToOne: false
      referencedRelation: "solution_areas"
      referencedColumns: ["slug"]
    },{
      foreignKeyName: "conversations_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"customer_analyses": {
                  Row: {
                    "completed_at": string | null,"created_at": string,"error_message": string | null,"failed_conversations": number,"filters": NonNullable<Json>,"id": string,"processed_conversations": number,"processing_ms": number | null,"started_at": string | null,"status": Database["public"]['Enums']["analysis_status"],"total_conversations": number,"triggered_by": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "completed_at"?: string | null,"created_at"?: string,"error_message"?: string | null,"failed_conversations"?: number,"filters"?: NonNullable<Json>,"id"?: string,"processed_conversations"?: number,"processing_ms"?: number | null,"started_at"?: string | null,"status"?: Database["public"]['Enums']["analysis_status"],"total_conversations"?: number,"triggered_by"?: string | null
                  }
                  Update: {
                    "completed_at"?: string | null,"created_at"?: string,"error_message"?: string | null,"failed_conversations"?: number,"filters"?: NonNullable<Json>,"id"?: string,"processed_conversations"?: number,"processing_ms"?: number | null,"started_at"?: string | null,"status"?: Database["public"]['Enums']["analysis_status"],"total_conversations"?: number,"triggered_by"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "customer_analyses_triggered_by_fkey"
      columns: ["triggered_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"customer_vehicles": {
                  Row: {
                    "created_at": string,"customer_id": string,"id": string,"make": string | null,"model": string | null,"nickname": string | null,"updated_at": string,"vehicle_model_id": number | null,"vin": string | null,"year": number | null
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"customer_id": string,"id"?: string,"make"?: string | null,"model"?: string | null,"nickname"?: string | null,"updated_at"?: string,"vehicle_model_id"?: number | null,"vin"?: string | null,"year"?: number | null
                  }
                  Update: {
                    "created_at"?: string,"customer_id"?: string,"id"?: string,"make"?: string | null,"model"?: string | null,"nickname"?: string | null,"updated_at"?: string,"vehicle_model_id"?: number | null,"vin"?: string | null,"year"?: number | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "customer_vehicles_customer_id_fkey"
      columns: ["customer_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "customer_vehicles_vehicle_model_id_fkey"
      columns: ["vehicle_model_id"]
isOneToOne: false
      referencedRelation: "vehicle_models"
      referencedColumns: ["id"]
    }
                  ]
                },"departments": {
                  Row: {
                    "created_at": string,"description": string,"id": string,"name": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"description"?: string,"id"?: string,"name": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"description"?: string,"id"?: string,"name"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"desk_settings": {
                  Row: {
                    "close_resolved_after": string,"id": boolean,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "close_resolved_after"?: string,"id"?: boolean,"updated_at"?: string
                  }
                  Update: {
                    "close_resolved_after"?: string,"id"?: boolean,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"entity_links": {
                  Row: {
                    "created_at": string,"created_by": string | null,"id": string,"link_type": string,"metadata": NonNullable<Json>,"source_id": string,"source_type": string,"target_id": string,"target_type": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"created_by"?: string | null,"id"?: string,"link_type": string,"metadata"?: NonNullable<Json>,"source_id": string,"source_type": string,"target_id": string,"target_type": string
                  }
                  Update: {
                    "created_at"?: string,"created_by"?: string | null,"id"?: string,"link_type"?: string,"metadata"?: NonNullable<Json>,"source_id"?: string,"source_type"?: string,"target_id"?: string,"target_type"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "entity_links_created_by_fkey"
      columns: ["created_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"guide_steps": {
                  Row: {
                    "guide_id": string,"id": string,"instruction": string,"position": number
                  }
                  ComputedFields: never
                  Insert: {
                    "guide_id": string,"id"?: string,"instruction": string,"position": number
                  }
                  Update: {
                    "guide_id"?: string,"id"?: string,"instruction"?: string,"position"?: number
                  }
                  Relationships: [
                    {
      foreignKeyName: "guide_steps_guide_id_fkey"
      columns: ["guide_id"]
isOneToOne: false
      referencedRelation: "guide_figures"
      referencedColumns: ["guide_id"]
    },{
      foreignKeyName: "guide_steps_guide_id_fkey"
      columns: ["guide_id"]
isOneToOne: false
      referencedRelation: "guides"
      referencedColumns: ["id"]
    }
                  ]
                },"guides": {
                  Row: {
                    "created_at": string,"description": string,"id": string,"is_published": boolean,"slug": string,"solution_area": string | null,"symptoms": (string)[],"title": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"description"?: string,"id"?: string,"is_published"?: boolean,"slug": string,"solution_area"?: string | null,"symptoms"?: (string)[],"title": string,"updated_at"?: string
                  }
                  Update: {
                    "created_at"?: string,"description"?: string,"id"?: string,"is_published"?: boolean,"slug"?: string,"solution_area"?: string | null,"symptoms"?: (string)[],"title"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "guides_solution_area_fkey"
      columns: ["solution_area"]
isOneToOne: false
      referencedRelation: "solution_areas"
      referencedColumns: ["slug"]
    }
                  ]
                },"kb_article_votes": {
                  Row: {
                    "article_id": string,"comment": string | null,"created_at": string,"helpful": boolean,"id": number,"updated_at": string,"visitor_hash": string | null,"voted_on": string,"voter_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "article_id": string,"comment"?: string | null,"created_at"?: string,"helpful": boolean,"id"?: never,"updated_at"?: string,"visitor_hash"?: string | null,"voted_on"?: string,"voter_id"?: string | null
                  }
                  Update: {
                    "article_id"?: string,"comment"?: string | null,"created_at"?: string,"helpful"?: boolean,"id"?: never,"updated_at"?: string,"visitor_hash"?: string | null,"voted_on"?: string,"voter_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "kb_article_votes_article_id_fkey"
      columns: ["article_id"]
isOneToOne: false
      referencedRelation: "kb_articles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "kb_article_votes_voter_id_fkey"
      columns: ["voter_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"kb_articles": {
                  Row: {
                    "author_id": string | null,"category": string,"content": string,"created_at": string,"id": string,"is_published": boolean,"slug": string,"solution_area": string | null,"tags": (string)[],"title": string,"updated_at": string,"vehicle_context": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "author_id"?: string | null,"category": string,"content": string,"created_at"?: string,"id"?: string,"is_published"?: boolean,"slug": string,"solution_area"?: string | null,"tags"?: (string)[],"title": string,"updated_at"?: string,"vehicle_context"?: string | null
                  }
                  Update: {
                    "author_id"?: string | null,"category"?: string,"content"?: string,"created_at"?: string,"id"?: string,"is_published"?: boolean,"slug"?: string,"solution_area"?: string | null,"tags"?: (string)[],"title"?: string,"updated_at"?: string,"vehicle_context"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "kb_articles_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "kb_articles_solution_area_fkey"
      columns: ["solution_area"]
isOneToOne: false
      referencedRelation: "solution_areas"
      referencedColumns: ["slug"]
    }
                  ]
                },"kb_chunks": {
                  Row: {
                    "article_id": string,"article_title": string,"chunk_index": number,"content": string,"content_hash": string,"created_at": string,"embedding": string | null,"embedding_model": string | null,"fts": unknown,"heading": string,"id": number
                  }
                  ComputedFields: never
                  Insert: {
                    "article_id": string,"article_title"?: string,"chunk_index": number,"content": string,"content_hash"?: string,"created_at"?: string,"embedding"?: string | null,"embedding_model"?: string | null,"fts"?: never,"heading"?: string,"id"?: never
                  }
                  Update: {
                    "article_id"?: string,"article_title"?: string,"chunk_index"?: number,"content"?: string,"content_hash"?: string,"created_at"?: string,"embedding"?: string | null,"embedding_model"?: string | null,"fts"?: never,"heading"?: string,"id"?: never
                  }
                  Relationships: [
                    {
      foreignKeyName: "kb_chunks_article_id_fkey"
      columns: ["article_id"]
isOneToOne: false
      referencedRelation: "kb_articles"
      referencedColumns: ["id"]
    }
                  ]
                },"kb_embedding_status": {
                  Row: {
                    "article_id": string,"attempts": number,"chunk_count": number,"embedding_model": string | null,"job_id": number | null,"last_error": string | null,"state": Database["public"]['Enums']["kb_embedding_state"],"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "article_id": string,"attempts"?: number,"chunk_count"?: number,"embedding_model"?: string | null,"job_id"?: number | null,"last_error"?: string | null,"state": Database["public"]['Enums']["kb_embedding_state"],"updated_at"?: string
                  }
                  Update: {
                    "article_id"?: string,"attempts"?: number,"chunk_count"?: number,"embedding_model"?: string | null,"job_id"?: number | null,"last_error"?: string | null,"state"?: Database["public"]['Enums']["kb_embedding_state"],"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "kb_embedding_status_article_id_fkey"
      columns: ["article_id"]
isOneToOne: true
      referencedRelation: "kb_articles"
      referencedColumns: ["id"]
    }
                  ]
                },"messages": {
                  Row: {
                    "content": string,"conversation_id": string,"created_at": string,"id": string,"is_internal_note": boolean,"metadata": NonNullable<Json>,"role": Database["public"]['Enums']["message_role"],"search_vector": unknown,"sender_id": string | null,"type": Database["public"]['Enums']["message_type"]
                  }
                  ComputedFields: never
                  Insert: {
                    "content": string,"conversation_id": string,"created_at"?: string,"id"?: string,"is_internal_note"?: boolean,"metadata"?: NonNullable<Json>,"role": Database["public"]['Enums']["message_role"],"search_vector"?: never,"sender_id"?: string | null,"type"?: Database["public"]['Enums']["message_type"]
                  }
                  Update: {
                    "content"?: string,"conversation_id"?: string,"created_at"?: string,"id"?: string,"is_internal_note"?: boolean,"metadata"?: NonNullable<Json>,"role"?: Database["public"]['Enums']["message_role"],"search_vector"?: never,"sender_id"?: string | null,"type"?: Database["public"]['Enums']["message_type"]
                  }
                  Relationships: [
                    {
      foreignKeyName: "messages_conversation_id_fkey"
      columns: ["conversation_id"]
isOneToOne: false
      referencedRelation: "conversations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "messages_sender_id_fkey"
      columns: ["sender_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"notifications": {
                  Row: {
                    "body": string,"created_at": string,"id": number,"kind": string,"read_at": string | null,"recipient_id": string,"ticket_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "body": string,"created_at"?: string,"id"?: never,"kind": string,"read_at"?: string | null,"recipient_id": string,"ticket_id"?: string | null
                  }
                  Update: {
                    "body"?: string,"created_at"?: string,"id"?: never,"kind"?: string,"read_at"?: string | null,"recipient_id"?: string,"ticket_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "notifications_recipient_id_fkey"
      columns: ["recipient_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "notifications_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"possible_duplicates": {
                  Row: {
                    "detected_at": string,"duplicate_of": string,"same_customer": boolean,"similarity": number,"ticket_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "detected_at"?: string,"duplicate_of": string,"same_customer": boolean,"similarity": number,"ticket_id": string
                  }
                  Update: {
                    "detected_at"?: string,"duplicate_of"?: string,"same_customer"?: boolean,"similarity"?: number,"ticket_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "possible_duplicates_duplicate_of_fkey"
      columns: ["duplicate_of"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "possible_duplicates_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: true
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"profiles": {
                  Row: {
                    "avatar_url": string | null,"created_at": string,"department_id": string | null,"email": string | null,"full_name": string,"id": string,"phone": string | null,"role": Database["public"]['Enums']["user_role"],"updated_at": string,"username": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "avatar_url"?: string | null,"created_at"?: string,"department_id"?: string | null,"email"?: string | null,"full_name"?: string,"id": string,"phone"?: string | null,"role"?: Database["public"]['Enums']["user_role"],"updated_at"?: string,"username"?: string | null
                  }
                  Update: {
                    "avatar_url"?: string | null,"created_at"?: string,"department_id"?: string | null,"email"?: string | null,"full_name"?: string,"id"?: string,"phone"?: string | null,"role"?: Database["public"]['Enums']["user_role"],"updated_at"?: string,"username"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "profiles_department_id_fkey"
      columns: ["department_id"]
isOneToOne: false
      referencedRelation: "departments"
      referencedColumns: ["id"]
    }
                  ]
                },"retrieval_logs": {
                  Row: {
                    "conversation_id": string | null,"id": number,"query_text": string,"result_ids": (string)[],"returned_at": string,"scores": (number)[],"source_type": Database["public"]['Enums']["retrieval_source_type"],"user_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "conversation_id"?: string | null,"id"?: never,"query_text": string,"result_ids"?: (string)[],"returned_at"?: string,"scores"?: (number)[],"source_type"?: Database["public"]['Enums']["retrieval_source_type"],"user_id"?: string | null
                  }
                  Update: {
                    "conversation_id"?: string | null,"id"?: never,"query_text"?: string,"result_ids"?: (string)[],"returned_at"?: string,"scores"?: (number)[],"source_type"?: Database["public"]['Enums']["retrieval_source_type"],"user_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "retrieval_logs_conversation_id_fkey"
      columns: ["conversation_id"]
isOneToOne: false
      referencedRelation: "conversations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "retrieval_logs_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"sla_policies": {
                  Row: {
                    "business_day_ends": string,"business_day_starts": string,"business_days": (number)[] | null,"created_at": string,"escalate_to": string | null,"escalation": string,"first_response_minutes": number,"id": string,"name": string,"raise_priority": boolean,"resolution_minutes": number,"solution_area": string | null,"time_zone": string,"updated_at": string,"urgency": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "business_day_ends"?: string,"business_day_starts"?: string,"business_days"?: (number)[] | null,"created_at"?: string,"escalate_to"?: string | null,"escalation"?: string,"first_response_minutes": number,"id"?: string,"name": string,"raise_priority"?: boolean,"resolution_minutes": number,"solution_area"?: string | null,"time_zone"?: string,"updated_at"?: string,"urgency"?: string | null
                  }
                  Update: {
                    "business_day_ends"?: string,"business_day_starts"?: string,"business_days"?: (number)[] | null,"created_at"?: string,"escalate_to"?: string | null,"escalation"?: string,"first_response_minutes"?: number,"id"?: string,"name"?: string,"raise_priority"?: boolean,"resolution_minutes"?: number,"solution_area"?: string | null,"time_zone"?: string,"updated_at"?: string,"urgency"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "sla_policies_escalate_to_fkey"
      columns: ["escalate_to"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "sla_policies_solution_area_fkey"
      columns: ["solution_area"]
isOneToOne: false
      referencedRelation: "solution_areas"
      referencedColumns: ["slug"]
    }
                  ]
                },"solution_areas": {
                  Row: {
                    "assistant_instructions": string,"created_at": string,"description": string,"name": string,"slug": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "assistant_instructions": string,"created_at"?: string,"description": string,"name": string,"slug": string,"updated_at"?: string
                  }
                  Update: {
                    "assistant_instructions"?: string,"created_at"?: string,"description"?: string,"name"?: string,"slug"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"technician_availability": {
                  Row: {
                    "capacity": number,"is_online": boolean,"last_assigned_at": string | null,"solution_areas": (string)[] | null,"technician_id": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "capacity"?: number,"is_online"?: boolean,"last_assigned_at"?: string | null,"solution_areas"?: (string)[] | null,"technician_id": string,"updated_at"?: string
                  }
                  Update: {
                    "capacity"?: number,"is_online"?: boolean,"last_assigned_at"?: string | null,"solution_areas"?: (string)[] | null,"technician_id"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "technician_availability_technician_id_fkey"
      columns: ["technician_id"]
isOneToOne: true
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"ticket_ai_results": {
                  Row: {
                    "category": Database["public"]['Enums']["ticket_category"],"confidence": number,"draft_reply": string,"id": string,"model": string,"model_details": string | null,"processed_at": string,"provider": string,"reasoning": string,"sentiment_score": number,"ticket_id": string,"urgency": string
                  }
                  ComputedFields: never
                  Insert: {
                    "category": Database["public"]['Enums']["ticket_category"],"confidence": number,"draft_reply"?: string,"id"?: string,"model": string,"model_details"?: string | null,"processed_at"?: string,"provider"?: string,"reasoning"?: string,"sentiment_score": number,"ticket_id": string,"urgency": string
                  }
                  Update: {
                    "category"?: Database["public"]['Enums']["ticket_category"],"confidence"?: number,"draft_reply"?: string,"id"?: string,"model"?: string,"model_details"?: string | null,"processed_at"?: string,"provider"?: string,"reasoning"?: string,"sentiment_score"?: number,"ticket_id"?: string,"urgency"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "ticket_ai_results_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: true
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"ticket_events": {
                  Row: {
                    "actor_id": string | null,"created_at": string,"details": NonNullable<Json>,"id": number,"kind": Database["public"]['Enums']["ticket_event_kind"],"ticket_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "actor_id"?: string | null,"created_at"?: string,"details"?: NonNullable<Json>,"id"?: never,"kind": Database["public"]['Enums']["ticket_event_kind"],"ticket_id": string
                  }
                  Update: {
                    "actor_id"?: string | null,"created_at"?: string,"details"?: NonNullable<Json>,"id"?: never,"kind"?: Database["public"]['Enums']["ticket_event_kind"],"ticket_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "ticket_events_actor_id_fkey"
      columns: ["actor_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "ticket_events_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"ticket_ratings": {
                  Row: {
                    "comment": string | null,"created_at": string,"customer_id": string,"rating": number,"technician_id": string | null,"ticket_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "comment"?: string | null,"created_at"?: string,"customer_id": string,"rating": number,"technician_id"?: string | null,"ticket_id": string
                  }
                  Update: {
                    "comment"?: string | null,"created_at"?: string,"customer_id"?: string,"rating"?: number,"technician_id"?: string | null,"ticket_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "ticket_ratings_customer_id_fkey"
      columns: ["customer_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "ticket_ratings_technician_id_fkey"
      columns: ["technician_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "ticket_ratings_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: true
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"ticket_triage_failures": {
                  Row: {
                    "attempts": number,"error": string,"failed_at": string,"ticket_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "attempts": number,"error": string,"failed_at"?: string,"ticket_id": string
                  }
                  Update: {
                    "attempts"?: number,"error"?: string,"failed_at"?: string,"ticket_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "ticket_triage_failures_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: true
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"tickets": {
                  Row: {
                    "assigned_at": string | null,"assigned_to": string | null,"call_transcript": string | null,"category": Database["public"]['Enums']["ticket_category"] | null,"channel": Database["public"]['Enums']["ticket_channel"],"closed_at": string | null,"contact_email": string | null,"contact_phone": string | null,"content": string,"conversation_id": string | null,"created_at": string,"customer_id": string,"customer_vehicle_id": string | null,"first_responded_at": string | null,"first_response_breached_at": string | null,"first_response_due_at": string | null,"follow_up_of": string | null,"id": string,"merged_into": string | null,"number": string,"priority": Database["public"]['Enums']["ticket_priority"],"priority_set_by": Database["public"]['Enums']["priority_setter"] | null,"priority_set_by_id": string | null,"resolution_breached_at": string | null,"resolution_due_at": string | null,"resolved_at": string | null,"search_vector": unknown,"sla_due_at": string | null,"sla_paused_at": string | null,"sla_paused_seconds": number,"sla_policy_id": string | null,"status": string,"subject": string,"triage_status": Database["public"]['Enums']["ticket_triage_status"],"troubleshooting_session_id": string | null,"updated_at": string,"urgency": string | null,"vehicle_make": string | null,"vehicle_model": string | null,"vehicle_year": number | null,"vin": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "assigned_at"?: string | null,"assigned_to"?: string | null,"call_transcript"?: string | null,"category"?: Database["public"]['Enums']["ticket_category"] | null,"channel"?: Database["public"]['Enums']["ticket_channel"],"closed_at"?: string | null,"contact_email"?: string | null,"contact_phone"?: string | null,"content"?: string,"conversation_id"?: string | null,"created_at"?: string,"customer_id": string,"customer_vehicle_id"?: string | null,"first_responded_at"?: string | null,"first_response_breached_at"?: string | null,"first_response_due_at"?: string | null,"follow_up_of"?: string | null,"id"?: string,"merged_into"?: string | null,"number"?: string,"priority"?: Database["public"]['Enums']["ticket_priority"],"priority_set_by"?: Database["public"]['Enums']["priority_setter"] | null,"priority_set_by_id"?: string | null,"resolution_breached_at"?: string | null,"resolution_due_at"?: string | null,"resolved_at"?: string | null,"search_vector"?: never,"sla_due_at"?: never,"sla_paused_at"?: string | null,"sla_paused_seconds"?: number,"sla_policy_id"?: string | null,"status"?: string,"subject": string,"triage_status"?: Database["public"]['Enums']["ticket_triage_status"],"troubleshooting_session_id"?: string | null,"updated_at"?: string,"urgency"?: string | null,"vehicle_make"?: string | null,"vehicle_model"?: string | null,"vehicle_year"?: number | null,"vin"?: string | null
                  }
                  Update: {
                    "assigned_at"?: string | null,"assigned_to"?: string | null,"call_transcript"?: string | null,"category"?: Database["public"]['Enums']["ticket_category"] | null,"channel"?: Database["public"]['Enums']["ticket_channel"],"closed_at"?: string | null,"contact_email"?: string | null,"contact_phone"?: string | null,"content"?: string,"conversation_id"?: string | null,"created_at"?: string,"customer_id"?: string,"customer_vehicle_id"?: string | null,"first_responded_at"?: string | null,"first_response_breached_at"?: string | null,"first_response_due_at"?: string | null,"follow_up_of"?: string | null,"id"?: string,"merged_into"?: string | null,"number"?: string,"priority"?: Database["public"]['Enums']["ticket_priority"],"priority_set_by"?: Database["public"]['Enums']["priority_setter"] | null,"priority_set_by_id"?: string | null,"resolution_breached_at"?: string | null,"resolution_due_at"?: string | null,"resolved_at"?: string | null,"search_vector"?: never,"sla_due_at"?: never,"sla_paused_at"?: string | null,"sla_paused_seconds"?: number,"sla_policy_id"?: string | null,"status"?: string,"subject"?: string,"triage_status"?: Database["public"]['Enums']["ticket_triage_status"],"troubleshooting_session_id"?: string | null,"updated_at"?: string,"urgency"?: string | null,"vehicle_make"?: string | null,"vehicle_model"?: string | null,"vehicle_year"?: number | null,"vin"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "tickets_assigned_to_fkey"
      columns: ["assigned_to"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "tickets_conversation_id_fkey"
      columns: ["conversation_id"]
isOneToOne: true
      referencedRelation: "conversations"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "tickets_customer_id_fkey"
      columns: ["customer_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "tickets_customer_vehicle_id_fkey"
      columns: ["customer_vehicle_id"]
isOneToOne: false
      referencedRelation: "customer_vehicles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "tickets_follow_up_of_fkey"
      columns: ["follow_up_of"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "tickets_merged_into_fkey"
      columns: ["merged_into"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "tickets_priority_set_by_id_fkey"
      columns: ["priority_set_by_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "tickets_sla_policy_id_fkey"
      columns: ["sla_policy_id"]
isOneToOne: false
      referencedRelation: "sla_policies"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "tickets_troubleshooting_session_id_fkey"
      columns: ["troubleshooting_session_id"]
isOneToOne: true
      referencedRelation: "troubleshooting_sessions"
      referencedColumns: ["id"]
    }
                  ]
                },"triage_corrections": {
                  Row: {
                    "corrected_at": string,"corrected_by": string | null,"field": string,"from_value": string | null,"id": number,"model_version": string | null,"provider": string | null,"ticket_id": string,"to_value": string
                  }
                  ComputedFields: never
                  Insert: {
                    "corrected_at"?: string,"corrected_by"?: string | null,"field": string,"from_value"?: string | null,"id"?: never,"model_version"?: string | null,"provider"?: string | null,"ticket_id": string,"to_value": string
                  }
                  Update: {
                    "corrected_at"?: string,"corrected_by"?: string | null,"field"?: string,"from_value"?: string | null,"id"?: never,"model_version"?: string | null,"provider"?: string | null,"ticket_id"?: string,"to_value"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "triage_corrections_corrected_by_fkey"
      columns: ["corrected_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "triage_corrections_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                },"troubleshooting_session_steps": {
                  Row: {
                    "attempted": boolean,"id": string,"resolved_issue": boolean,"responded_at": string | null,"session_id": string,"step_number": number,"step_text": string
                  }
                  ComputedFields: never
                  Insert: {
                    "attempted"?: boolean,"id"?: string,"resolved_issue"?: boolean,"responded_at"?: string | null,"session_id": string,"step_number": number,"step_text": string
                  }
                  Update: {
                    "attempted"?: boolean,"id"?: string,"resolved_issue"?: boolean,"responded_at"?: string | null,"session_id"?: string,"step_number"?: number,"step_text"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "troubleshooting_session_steps_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "troubleshooting_sessions"
      referencedColumns: ["id"]
    }
                  ]
                },"troubleshooting_sessions": {
                  Row: {
                    "abandoned": boolean,"completed_at": string | null,"customer_id": string,"customer_vehicle_id": string | null,"early_exit": boolean,"guide_id": string | null,"guide_title": string | null,"id": string,"issue_description": string,"misclassified": boolean,"resolved": boolean,"started_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "abandoned"?: boolean,"completed_at"?: string | null,"customer_id": string,"customer_vehicle_id"?: string | null,"early_exit"?: boolean,"guide_id"?: string | null,"guide_title"?: string | null,"id"?: string,"issue_description": string,"misclassified"?: boolean,"resolved"?: boolean,"started_at"?: string
                  }
                  Update: {
                    "abandoned"?: boolean,"completed_at"?: string | null,"customer_id"?: string,"customer_vehicle_id"?: string | null,"early_exit"?: boolean,"guide_id"?: string | null,"guide_title"?: string | null,"id"?: string,"issue_description"?: string,"misclassified"?: boolean,"resolved"?: boolean,"started_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "troubleshooting_sessions_customer_id_fkey"
      columns: ["customer_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "troubleshooting_sessions_customer_vehicle_id_fkey"
      columns: ["customer_vehicle_id"]
isOneToOne: false
      referencedRelation: "customer_vehicles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "troubleshooting_sessions_guide_id_fkey"
      columns: ["guide_id"]
isOneToOne: false
      referencedRelation: "guide_figures"
      referencedColumns: ["guide_id"]
    },{
      foreignKeyName: "troubleshooting_sessions_guide_id_fkey"
      columns: ["guide_id"]
isOneToOne: false
      referencedRelation: "guides"
      referencedColumns: ["id"]
    }
                  ]
                },"vehicle_models": {
                  Row: {
                    "body": string | null,"cam_type": string | null,"drive_type": string | null,"engine_size": string | null,"id": number,"make": string,"model": string,"submodel": string | null,"year": number
                  }
                  ComputedFields: never
                  Insert: {
                    "body"?: string | null,"cam_type"?: string | null,"drive_type"?: string | null,"engine_size"?: string | null,"id"?: never,"make": string,"model": string,"submodel"?: string | null,"year": number
                  }
                  Update: {
                    "body"?: string | null,"cam_type"?: string | null,"drive_type"?: string | null,"engine_size"?: string | null,"id"?: never,"make"?: string,"model"?: string,"submodel"?: string | null,"year"?: number
                  }
                  Relationships: [
                    
                  ]
                },"work_order_notes": {
                  Row: {
                    "author_id": string | null,"content": string,"created_at": string,"id": string,"work_order_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "author_id"?: string | null,"content": string,"created_at"?: string,"id"?: string,"work_order_id": string
                  }
                  Update: {
                    "author_id"?: string | null,"content"?: string,"created_at"?: string,"id"?: string,"work_order_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "work_order_notes_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "work_order_notes_work_order_id_fkey"
      columns: ["work_order_id"]
isOneToOne: false
      referencedRelation: "work_orders"
      referencedColumns: ["id"]
    }
                  ]
                },"work_order_parts": {
                  Row: {
                    "id": string,"line_total": number | null,"part_name": string,"part_number": string | null,"quantity": number,"unit_cost": number,"work_order_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "id"?: string,"line_total"?: never,"part_name": string,"part_number"?: string | null,"quantity": number,"unit_cost": number,"work_order_id": string
                  }
                  Update: {
                    "id"?: string,"line_total"?: never,"part_name"?: string,"part_number"?: string | null,"quantity"?: number,"unit_cost"?: number,"work_order_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "work_order_parts_work_order_id_fkey"
      columns: ["work_order_id"]
isOneToOne: false
      referencedRelation: "work_orders"
      referencedColumns: ["id"]
    }
                  ]
                },"work_orders": {
                  Row: {
                    "actual_hours": number | null,"assigned_technician_id": string | null,"completed_at": string | null,"created_at": string,"description": string,"estimated_hours": number | null,"id": string,"labor_cost": number | null,"labor_rate": number,"number": string,"parts_cost": number,"status": Database["public"]['Enums']["work_order_status"],"ticket_id": string,"total_cost": number | null,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "actual_hours"?: number | null,"assigned_technician_id"?: string | null,"completed_at"?: string | null,"created_at"?: string,"description"?: string,"estimated_hours"?: number | null,"id"?: string,"labor_cost"?: never,"labor_rate"?: number,"number"?: string,"parts_cost"?: number,"status"?: Database["public"]['Enums']["work_order_status"],"ticket_id": string,"total_cost"?: never,"updated_at"?: string
                  }
                  Update: {
                    "actual_hours"?: number | null,"assigned_technician_id"?: string | null,"completed_at"?: string | null,"created_at"?: string,"description"?: string,"estimated_hours"?: number | null,"id"?: string,"labor_cost"?: never,"labor_rate"?: number,"number"?: string,"parts_cost"?: number,"status"?: Database["public"]['Enums']["work_order_status"],"ticket_id"?: string,"total_cost"?: never,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "work_orders_assigned_technician_id_fkey"
      columns: ["assigned_technician_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "work_orders_ticket_id_fkey"
      columns: ["ticket_id"]
isOneToOne: false
      referencedRelation: "tickets"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            "guide_figures": {
                  Row: {
                    "abandoned_sessions": number | null,"average_steps_to_resolution": number | null,"completed_sessions": number | null,"guide_id": string,"is_published": boolean,"misclassification_rate": number | null,"resolution_rate": number | null,"resolved_sessions": number | null,"sessions": number | null,"slug": string,"step_count": number | null,"title": string
                  }
                  ComputedFields: never
                  Relationships: [
                    
                  ]
                },"ticket_timeline": {
                  Row: {
                    "actor_id": string | null,"created_at": string | null,"details": Json | null,"event_id": number | null,"kind": Database["public"]['Enums']["ticket_event_kind"] | null,"ticket_id": string | null
                  }
                  ComputedFields: never
                  Relationships: [
                    
                  ]
                }
          }
          Functions: {
            "apply_canned_reply_actions":
{ Args: { "canned_reply_id": string,"ticket_id": string }; Returns: undefined
                           },
"bulk_update_tickets":
{ Args: { "action": string,"ticket_ids": (string)[],"value"?: string }; Returns: {
              "done": boolean,"error": string,"ticket_id": string
            }[]
                           },
"claim_jobs":
{ Args: { "batch_size"?: number,"job_kind": string,"worker": string }; Returns: {
              "attempts": number,"id": number,"kind": string,"max_attempts": number,"payload": Json
            }[]
                           },
"claim_next_ticket":
{ Args: Record<PropertyKey, never>; Returns: Json
                           },
"claim_ticket":
{ Args: { "ticket_id": string }; Returns: Json
                           },
"complete_job":
{ Args: { "job_id": number }; Returns: undefined
                           },
"complete_troubleshooting_session":
{ Args: { "outcome": string,"session_id": string }; Returns: string
                           },
"correct_ticket_triage":
{ Args: { "field": string,"ticket_id": string,"value": string }; Returns: boolean
                           },
"desk_performance":
{ Args: { "days"?: number }; Returns: Json
                           },
"fail_job":
{ Args: { "error": string,"job_id": number }; Returns: undefined
                           },
"help_article_feedback":
{ Args: Record<PropertyKey, never>; Returns: {
              "article_id": string,"comment_count": number,"helpful_share": number,"helpful_votes": number,"recent_comments": (string)[],"slug": string,"title": string,"unhelpful_votes": number
            }[]
                           },
"help_search_gaps":
{ Args: { "max_results"?: number }; Returns: {
              "first_seen_at": string,"last_seen_at": string,"query": string,"search_count": number
            }[]
                           },
"mark_conversation_read":
{ Args: { "conversation_id": string }; Returns: string
                           },
"match_guides":
{ Args: { "description": string,"match_count"?: number }; Returns: {
              "confident": boolean,"fuzzy_score": number,"guide_description": string,"guide_id": string,"score": number,"slug": string,"text_score": number,"title": string
            }[]
                           },
"merge_tickets":
{ Args: { "confirm_cross_customer"?: boolean,"duplicate": string,"survivor": string }; Returns: Json
                           },
"open_follow_up_ticket":
{ Args: { "session_id": string }; Returns: {
              "already_open": boolean,"ticket_id": string,"ticket_number": string
            }[]
                           },
"open_ticket":
{ Args: { "channel": Database["public"]['Enums']["ticket_channel"],"contact_email"?: string,"contact_phone"?: string,"content": string,"conversation_id"?: string,"customer_id"?: string,"customer_vehicle_id"?: string,"priority"?: Database["public"]['Enums']["ticket_priority"],"subject": string,"troubleshooting_session_id"?: string,"vehicle_make"?: string,"vehicle_model"?: string,"vehicle_year"?: number,"vin"?: string }; Returns: {
              "already_open": boolean,"id": string,"number": string
            }[]
                           },
"open_ticket_conversation":
{ Args: { "ticket_id": string }; Returns: string
                           },
"release_ticket":
{ Args: { "ticket_id": string }; Returns: Json
                           },
"render_canned_reply":
{ Args: { "canned_reply_id": string,"ticket_id": string }; Returns: {
              "body": string,"internal_note": string,"set_status": string
            }[]
                           },
"reply_to_my_ticket":
{ Args: { "content": string,"ticket_id": string }; Returns: string
                           },
"requeue_ticket_triage":
{ Args: { "ticket_id": string }; Returns: undefined
                           },
"search_help":
{ Args: { "max_results"?: number,"query_text": string }; Returns: {
              "article_id": string,"score": number,"slug": string,"title": string
            }[]
                           },
"search_kb":
{ Args: { "category"?: string,"embedding_model": string,"match_count"?: number,"query_embedding": string,"query_text": string,"solution_area"?: string,"vehicle_context"?: string }; Returns: {
              "article_id": string,"chunk_content": string,"chunk_id": number,"fused_score": number,"slug": string,"text_score": number,"title": string,"vector_score": number
            }[]
                           },
"search_tickets":
{ Args: { "max_results"?: number,"query_text": string }; Returns: {
              "number": string,"rank": number,"status": string,"subject": string,"ticket_id": string
            }[]
                           },
"standing_reports":
{ Args: { "days"?: number }; Returns: Json
                           },
"support_dashboard":
{ Args: { "days"?: number }; Returns: Json
                           },
"triage_accuracy":
{ Args: { "days"?: number }; Returns: Json
                           },
"upload_limits":
{ Args: { "bucket": string }; Returns: {
              "allowed_types": (string)[],"max_bytes": number
            }[]
                           },
"vote_on_article":
{ Args: { "article_slug": string,"comment"?: string,"helpful": boolean,"visitor"?: string }; Returns: {
              "has_comment": boolean,"is_helpful": boolean,"vote_id": number
            }[]
                           }
          }
          Enums: {
            "analysis_metric_type": "RESPONSE_TIME"|"VOLUME"|"PEAK_TIME"|"CUSTOMER_INTENT"|"JOURNEY_STAGE"|"SENTIMENT"|"AGENT_QUALITY"|"CHANNEL_USAGE","analysis_sentiment": "POSITIVE"|"NEUTRAL"|"FRICTION","analysis_status": "PENDING"|"PROCESSING"|"COMPLETED"|"FAILED"|"PARTIAL","analytics_event_type": "api_call"|"conversation_created"|"message_sent"|"error"|"ticket_created"|"ticket_status_changed"|"ticket_resolved"|"troubleshooting_started"|"troubleshooting_completed"|"work_order_completed"|"sla_breached"|"ticket_rated"|"tickets_merged","conversation_channel": "chat"|"voice"|"email","conversation_status": "active"|"resolved"|"archived","export_format": "CSV"|"PDF","kb_embedding_state": "pending"|"embedding"|"embedded"|"failed","message_role": "user"|"assistant"|"technician"|"system","message_type": "text"|"voice"|"image"|"file","priority_setter": "triage"|"customer"|"staff"|"sla_escalation","retrieval_source_type": "kb_article"|"guide"|"ticket"|"conversation","ticket_category": "billing"|"technical"|"feature_request","ticket_channel": "web"|"chat"|"voice"|"email"|"phone"|"troubleshooting","ticket_event_kind": "created"|"triage_finished"|"triage_failed"|"claimed"|"assigned"|"unassigned"|"status_changed"|"message_sent"|"reply_sent"|"internal_note_added"|"work_order_created"|"work_order_started"|"work_order_completed"|"work_order_cancelled"|"resolved"|"reopened"|"follow_up_opened"|"sla_breached"|"rated"|"triage_corrected"|"merged","ticket_priority": "low"|"normal"|"high"|"urgent","ticket_triage_status": "pending"|"processing"|"processed"|"resolved"|"ai_failed","user_role": "customer"|"technician"|"admin","work_order_status": "open"|"in_progress"|"completed"|"cancelled"
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "public": {
          Enums: {
            "analysis_metric_type": ["RESPONSE_TIME", "VOLUME", "PEAK_TIME", "CUSTOMER_INTENT", "JOURNEY_STAGE", "SENTIMENT", "AGENT_QUALITY", "CHANNEL_USAGE"],"analysis_sentiment": ["POSITIVE", "NEUTRAL", "FRICTION"],"analysis_status": ["PENDING", "PROCESSING", "COMPLETED", "FAILED", "PARTIAL"],"analytics_event_type": ["api_call", "conversation_created", "message_sent", "error", "ticket_created", "ticket_status_changed", "ticket_resolved", "troubleshooting_started", "troubleshooting_completed", "work_order_completed", "sla_breached", "ticket_rated", "tickets_merged"],"conversation_channel": ["chat", "voice", "email"],"conversation_status": ["active", "resolved", "archived"],"export_format": ["CSV", "PDF"],"kb_embedding_state": ["pending", "embedding", "embedded", "failed"],"message_role": ["user", "assistant", "technician", "system"],"message_type": ["text", "voice", "image", "file"],"priority_setter": ["triage", "customer", "staff", "sla_escalation"],"retrieval_source_type": ["kb_article", "guide", "ticket", "conversation"],"ticket_category": ["billing", "technical", "feature_request"],"ticket_channel": ["web", "chat", "voice", "email", "phone", "troubleshooting"],"ticket_event_kind": ["created", "triage_finished", "triage_failed", "claimed", "assigned", "unassigned", "status_changed", "message_sent", "reply_sent", "internal_note_added", "work_order_created", "work_order_started", "work_order_completed", "work_order_cancelled", "resolved", "reopened", "follow_up_opened", "sla_breached", "rated", "triage_corrected", "merged"],"ticket_priority": ["low", "normal", "high", "urgent"],"ticket_triage_status": ["pending", "processing", "processed", "resolved", "ai_failed"],"user_role": ["customer", "technician", "admin"],"work_order_status": ["open", "in_progress", "completed", "cancelled"]
          }
        }
} as const
